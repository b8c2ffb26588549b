-- Half of each page of cases left free (migration 0011 left 15%). Cases filed together sit
-- together (time-ordered ids, migration 0017) and their clocks run out together, so a sweep
-- gives every row of a page a new version at once; with 15% free only one or two of them
-- stayed on the page as HOT updates, and the rest wrote an entry in each of the table's seven
-- indexes. Measured in bench/README.md. Applies to pages written from now on;
-- `VACUUM FULL cases` (or pg_repack) rewrites an existing table with it.
ALTER TABLE "cases" SET (fillfactor = 50);
