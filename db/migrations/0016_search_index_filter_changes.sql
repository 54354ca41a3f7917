-- The in-memory search also filters, counts and orders by these columns: a change to any of them, by any process,
-- is logged like a change of the summary, so the index re-reads the signal before the next search.
CREATE TRIGGER signals_filter_changed AFTER UPDATE OF received_on, status, topic, procurement_phase, requester_type, region_code, channel, referred_by, assigned_to ON signals
WHEN old.received_on IS NOT new.received_on OR old.status IS NOT new.status OR old.topic IS NOT new.topic
  OR old.procurement_phase IS NOT new.procurement_phase OR old.requester_type IS NOT new.requester_type
  OR old.region_code IS NOT new.region_code OR old.channel IS NOT new.channel OR old.referred_by IS NOT new.referred_by
  OR old.assigned_to IS NOT new.assigned_to
BEGIN
  INSERT INTO signal_text_changes (signal_id) VALUES (new.id);
END;
