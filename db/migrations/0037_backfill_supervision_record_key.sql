-- Records frozen before record_key existed carry their id only inside the frozen row.
UPDATE `supervision_records` SET `record_key` = json_extract(`data`, '$.id') WHERE json_type(`data`, '$.id') = 'integer';
