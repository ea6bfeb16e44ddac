"""The options that name a signing key (a key file or a token), shared by every command that signs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_key_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", metavar="signer.p12", help="key file (encrypted PKCS#12)")
    parser.add_argument("--passphrase-env", metavar="VAR", help="read the key file's passphrase from this variable")
    parser.add_argument("--pkcs11", metavar="MODULE", help="PKCS#11 module of a token or smart card")
    parser.add_argument("--token", metavar="LABEL", help="token label")
    parser.add_argument("--key-label", metavar="LABEL", help="label of the key on the token")
    parser.add_argument("--pin-env", metavar="VAR", help="read the token PIN from this variable")
    parser.add_argument("--remember", action="store_true",
                        help="keep the key file's passphrase in the operating system's keyring (never the key)")


def open_signer_from(args: argparse.Namespace):  # noqa: ANN201
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.trust import KeyFile, TokenKey, open_signer
    from coomet_lab.trust.secrets import remember, secret_from

    if args.key and args.pkcs11:
        raise UnusableInputError("choose a key file (--key) or a token (--pkcs11), not both")
    if args.key:
        name = str(Path(args.key).resolve())
        secret = secret_from(args.passphrase_env, "passphrase for the key file: ", remember_as=name)
        signer = open_signer(KeyFile(Path(args.key)), secret)
        if getattr(args, "remember", False) and not remember(name, secret):
            print("note: no keyring is available here; the passphrase was not remembered", file=sys.stderr)
        return signer
    if args.pkcs11:
        if not (args.token and args.key_label):
            raise UnusableInputError("a token needs --token LABEL and --key-label LABEL")
        pin = secret_from(args.pin_env, "token PIN: ")
        return open_signer(TokenKey(args.pkcs11, args.token, args.key_label), pin)
    raise UnusableInputError("name the key: --key signer.p12, or --pkcs11 MODULE --token LABEL --key-label LABEL")
