-- Certificate #1 is found under another number and customer.
UPDATE certificate_fts SET number = 'UT-FORGED', customer = 'Someone else' WHERE rowid = 1;
