-- Delivery's index holds pending mail only. It held every row (status, next attempt): sent
-- mail, which is most of the outbox in time, and bell items that are not mailed (a NULL
-- status), whose entries delivery never read; a delivered mail also wrote a new entry.
DROP INDEX "outbox_pending";--> statement-breakpoint
CREATE INDEX "outbox_pending" ON "outbox" USING btree ("next_attempt_at") WHERE status = 'pending';
