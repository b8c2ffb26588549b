-- Room on each page of cases for a changed row to stay beside its old version: an update that
-- changes no indexed column (a step that moves no date of the queue, such as a recorded breach)
-- then writes no index entry at all (a HOT update). Applies to pages written from now on;
-- `VACUUM FULL cases` rewrites the existing ones.
ALTER TABLE "cases" SET (fillfactor = 85);
