-- A POS's eventIds and orderIds are opaque: "E1", "e1" and "E1 " are three ids. Compared byte for byte, trailing
-- spaces included (utf8mb4_nopad_bin: utf8mb4_bin still pads), where utf8mb4_unicode_ci made them one event (the
-- second silently answered as the first) or one order. Both unique keys are rebuilt on the new collation; rows the
-- old one kept unique stay unique under it.
ALTER TABLE pos_event
    MODIFY COLUMN event_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE pos_order
    MODIFY COLUMN external_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;
