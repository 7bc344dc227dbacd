"""junit: JUnit XML, one test case per checked file, one failure per finding."""

from xml.etree import ElementTree as ET


def render(report) -> str:
    by_path: dict[str, list] = {path: [] for path in report.checked}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    failures = sum(1 for fs in by_path.values() if fs)
    suite = ET.Element(
        "testsuite",
        name="newslint",
        tests=str(len(by_path)),
        failures=str(failures),
        errors=str(len(report.errors)),
    )
    for path, findings in by_path.items():
        case = ET.SubElement(suite, "testcase", classname="newslint", name=path)
        for f in findings:
            failure = ET.SubElement(
                case, "failure", type=f.rule, message=f"{f.line}:{f.column}: {f.message}"
            )
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
    for error in report.errors:
        case = ET.SubElement(suite, "testcase", classname="newslint", name=error.path)
        ET.SubElement(case, "error", message=error.reason).text = str(error)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
