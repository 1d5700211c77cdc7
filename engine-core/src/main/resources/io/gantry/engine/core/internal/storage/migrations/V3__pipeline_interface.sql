-- Sequencing (issue 15): a run's declared inputs and outputs, and the link of a sub-pipeline's run
-- to the core.call node that started it. All nullable: rows of before stay as they were.
ALTER TABLE execution ADD COLUMN inputs TEXT;
ALTER TABLE execution ADD COLUMN outputs TEXT;
ALTER TABLE execution ADD COLUMN parent_execution_id TEXT;
ALTER TABLE execution ADD COLUMN parent_node_id TEXT;

CREATE INDEX execution_by_parent ON execution (parent_execution_id) WHERE parent_execution_id IS NOT NULL;
