"""Reading and writing DCC XML and the application's JSON certificate document."""
