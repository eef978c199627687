"""SQLite storage through sqlite-utils: schema migrations, opening the file, reading and writing the model."""
