"""The documents an office signs and sends: plan .docx, appendix .xlsx, the package sent upward.

Plain Python (python-docx, openpyxl), imported on first export so the first window stays fast.
"""
