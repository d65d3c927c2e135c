"""What the workbench's notebook servers load besides Jupyter Notebook itself (loaded from a read-only directory).

- ``WorkbenchKernelSpecManager`` knows one kernel, the sandboxed ``workbench-csharp`` of this work area: no native
  ``python3`` (ipykernel's is startable even when ``allowed_kernelspecs`` hides it), no kernel from any other path.
- ``WorkbenchLoginHandler`` accepts only ``Authorization: token <secret>`` (the workbench's proxy adds it), the secret
  read from the file named by ``WORKBENCH_NOTEBOOK_SECRET_FILE``. Jupyter's own token stays empty, so the secret is in
  no command line, no environment and no page (Jupyter writes its token into every page it renders).
"""

import hmac
import os
import re

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from notebook.auth.login import LoginHandler
from tornado import web

KERNEL_NAME = "workbench-csharp"


class WorkbenchKernelSpecManager(KernelSpecManager):
    """Only ``<JUPYTER_DATA_DIR>/kernels/workbench-csharp``; every other name is ``NoSuchKernel``."""

    def _only(self):
        directory = os.path.join(os.environ["JUPYTER_DATA_DIR"], "kernels", KERNEL_NAME)
        return directory if os.path.isfile(os.path.join(directory, "kernel.json")) else None

    def find_kernel_specs(self):
        directory = self._only()
        return {KERNEL_NAME: directory} if directory else {}

    def get_kernel_spec(self, kernel_name):
        directory = self._only()
        if kernel_name != KERNEL_NAME or directory is None:
            raise NoSuchKernel(kernel_name)
        return self.kernel_spec_class.from_resource_dir(directory)

    def get_all_specs(self):
        directory = self._only()
        if directory is None:
            return {}
        return {KERNEL_NAME: {"resource_dir": directory, "spec": self.get_kernel_spec(KERNEL_NAME).to_dict()}}

    def install_kernel_spec(self, *args, **kwargs):
        raise PermissionError("the workbench's notebook servers install no kernels")

    def remove_kernel_spec(self, *args, **kwargs):
        raise PermissionError("the workbench's notebook servers remove no kernels")


_HEADER = re.compile(r"token\s+(\S+)\Z", re.IGNORECASE)
_secret = None


def _expected():
    global _secret
    if _secret is None:
        with open(os.environ["WORKBENCH_NOTEBOOK_SECRET_FILE"], "rb") as f:
            _secret = f.read().strip()
        if len(_secret) < 32:
            raise RuntimeError("the notebook server's secret is missing or too short")
    return _secret


class WorkbenchLoginHandler(LoginHandler):
    """The workbench's proxy is the only client: its header or nothing; no login page, no cookie, no URL token."""

    @classmethod
    def get_user(cls, handler):
        if getattr(handler, "_user_id", None):
            return handler._user_id
        match = _HEADER.match(handler.request.headers.get("Authorization", ""))
        ok = match is not None and hmac.compare_digest(match.group(1).encode("ascii", "replace"), _expected())
        handler._token_authenticated = ok
        handler._user_id = "workbench" if ok else None
        return handler._user_id

    @classmethod
    def get_login_available(cls, settings):
        # Never "no authentication at all": without the header a request is refused, not anonymous.
        return True

    @classmethod
    def validate_security(cls, app, ssl_options=None):
        _expected()

    def get(self):
        raise web.HTTPError(403, "sign in through the workbench")

    def post(self):
        raise web.HTTPError(403, "sign in through the workbench")
