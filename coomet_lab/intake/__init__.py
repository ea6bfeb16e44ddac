"""The one door for anything from outside: inspect() recognises and verifies it."""
