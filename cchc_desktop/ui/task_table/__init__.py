"""The appendix task table: columns, plain row data, the model, the filter proxy, the view."""
