-- Personal data is never kept (UU 27/2022 on personal data protection). A file from which the reader
-- dropped personal-data columns (NIK, Nama Pemohon, No HP, ...) keeps no original: only its figures
-- are stored, and the ledger says why its original is missing (the labels of the columns dropped,
-- never their values). Stores made before this rule are cleaned by 006_personal_data.py, which
-- runs in this migration's transaction: it re-reads every kept original and deletes those that had
-- such columns, filling this column for their loads.
ALTER TABLE loads ADD COLUMN original_withheld VARCHAR;
