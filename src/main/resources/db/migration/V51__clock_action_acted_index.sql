-- The sweep's metrics read what one sweep acted on (clock_action.acted_at = the sweep's instant) by this index.
create index clock_action_acted_ix on clock_action (acted_at);
