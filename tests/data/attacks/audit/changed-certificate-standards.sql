-- Certificate #1 is said to have used the other standard's calibration.
UPDATE certificate_standards SET standard_id = 2, calibration_id = 2 WHERE certificate_id = 1 AND position = 0;
