"""Lints the OpenAPI document the server publishes (issue 21): YAML's flow mappings cut an unquoted text at
its first comma, leaving the rest as a key with no value — `{ description: Set on a deleted record, which
only… }` — and nothing else notices. Fails on any key or value that is null, any description that is not
text, and any $ref that points nowhere. Usage: lint_openapi.py openapi.yaml"""
import sys
import yaml

document = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
problems = []


def resolve(ref):
    node = document
    for part in ref.lstrip("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def walk(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            here = path + [str(key)]
            if key is None or value is None:
                problems.append("null at " + "/".join(here) + " (an unquoted text cut at a comma?)")
            # (A property may be called "description": under `properties` it is a schema, not a text.)
            if key == "description" and path[-1:] != ["properties"] and not isinstance(value, str):
                problems.append("description is not text at " + "/".join(here))
            if key == "$ref" and isinstance(value, str) and value.startswith("#/") and not resolve(value):
                problems.append("$ref to nowhere at " + "/".join(here) + ": " + value)
            walk(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            walk(value, path + [str(index)])


walk(document, [])
for problem in problems:
    print(problem)
print(f"openapi lint: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
