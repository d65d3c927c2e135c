"""The official Jupyter kernel conformance suite (jupyter_kernel_test) against the workbench-csharp kernel.

Run by ConformanceTests.cs with JUPYTER_PATH pointing at a kernelspec for the freshly built kernel.
"""
import unittest

import jupyter_kernel_test


class WorkbenchCSharpKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "workbench-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("something went wrong");'
    code_generate_error = 'throw new InvalidOperationException("expected failure");'

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "var workbenchAnswer = 42;\nworkbenchAns", "matches": {"workbenchAnswer"}},
    ]

    complete_code_samples = ["1 + 1", "var x = 3;", "for (var i = 0; i < 3; i++) { }", "#!who"]
    incomplete_code_samples = ["for (var i = 0; i < 3; i++) {", "var s = \"\"\"\nopen raw string", "Math.Max(1,"]
    invalid_code_samples = ["var = ;", "1 +* ;"]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"text\"", "result": "text"},
        {"code": "new[] { 1, 2, 3 }.Sum()", "result": "6"},
    ]
    code_history_pattern = "6 * *"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display(HTML("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display("plain");', "mime": "text/plain"},
    ]

    code_inspect_sample = "Console.WriteLine"


if __name__ == "__main__":
    unittest.main()
