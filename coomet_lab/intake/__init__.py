"""The one door for anything from outside: inspect() recognises a DCC, a PDF twin or an export package and verifies
it, and every command and window that reads a file from elsewhere goes through it."""
