"""A copy's manifest, signed: OpenSSH signatures (`ssh-keygen -Y sign` / `-Y verify`).

An agency keeps an SSH key; `make site` signs SHA256SUMS.txt with it when
EUCJ_SIGNING_KEY names the private key, writing SHA256SUMS.txt.sig beside it. It
publishes the public key; `scripts/verify_copy.py --public-key KEY` (or
`--allowed-signers FILE --identity NAME`) then checks that the manifest is the one
the agency signed, so an edited manifest matching edited files is caught. OpenSSH is on
every machine and its signature format is documented (PROTOCOL.sshsig); the namespace
keeps a bank signature from being taken for another use of the same key.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from eucj_bank.catalogue.messages import _

NAMESPACE = "eucj-bank"
SIGNATURE_SUFFIX = ".sig"
_SIGNER = "eucj-bank-signer"


class SignatureError(RuntimeError):
    pass


def sign(manifest: Path, private_key: Path) -> Path:
    """Write `manifest`.sig; raise SignatureError with ssh-keygen's reason if it cannot."""
    target = Path(str(manifest) + SIGNATURE_SUFFIX)
    target.unlink(missing_ok=True)
    result = subprocess.run(["ssh-keygen", "-q", "-Y", "sign", "-f", str(private_key), "-n", NAMESPACE,
                             str(manifest)], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    if result.returncode != 0 or not target.is_file():
        raise SignatureError(_("ssh-keygen could not sign {manifest}: {reason}", manifest=manifest,
                               reason=result.stderr.strip()))
    return target


def verify(data: bytes, signature: bytes, *, public_key: Path | None = None,
           allowed_signers: Path | None = None, identity: str = _SIGNER) -> tuple[bool, str]:
    """(whether `signature` is a valid signature of `data` by the key, ssh-keygen's words)."""
    with tempfile.TemporaryDirectory() as tmp:
        sig = Path(tmp) / "manifest.sig"
        sig.write_bytes(signature)
        if allowed_signers is None:
            if public_key is None:
                raise ValueError("give a public key or an allowed-signers file")
            allowed_signers = Path(tmp) / "allowed_signers"
            key = Path(public_key).read_text(encoding="utf-8").split()
            allowed_signers.write_text(f'{_SIGNER} namespaces="{NAMESPACE}" {key[0]} {key[1]}\n', encoding="utf-8")
            identity = _SIGNER
        result = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed_signers), "-I", identity,
                                 "-n", NAMESPACE, "-s", str(sig)], input=data, capture_output=True, timeout=60)
    words = (result.stdout + result.stderr).decode("utf-8", "replace").strip().splitlines()
    return result.returncode == 0, words[0] if words else ""
