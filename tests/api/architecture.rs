//! The shape of the code, read from `src/`: no module imports one that
//! imports it back, and no handler grows past what a reader takes in at once.
//! A module is a file; a parent that routes to a child and a child that uses
//! the parent's helpers are a cycle too.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// The longest a handler (an `async fn` under `src/web`) may be, signature
/// and closing brace included.
const LONGEST_HANDLER: usize = 40;

type Module = Vec<String>;

fn source_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `src/web/comments/mod.rs` is the module `web::comments`.
fn module_of(root: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code that ships: unit tests at the end of a file may use anything.
fn without_tests_and_comments(source: &str) -> String {
    let shipped = match source.find("#[cfg(test)]\nmod tests") {
        Some(start) => &source[..start],
        None => source,
    };
    shipped
        .lines()
        .map(|line| match line.find("//") {
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `use` tree names, each as its segments: `a::{b, c::d}` gives
/// `a::b` and `a::c::d`.
fn expand_use_tree(tree: &str) -> Vec<Vec<String>> {
    let renamed = Regex::new(r"\s+as\s+\w+").unwrap();
    let tree: String = renamed
        .replace_all(tree, "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut paths = Vec::new();
    expand_into(&tree, Vec::new(), &mut paths);
    paths
}

fn expand_into(tree: &str, prefix: Vec<String>, paths: &mut Vec<Vec<String>>) {
    let (head, group) = match tree.find('{') {
        Some(open) if tree.ends_with('}') => (&tree[..open], Some(&tree[open + 1..tree.len() - 1])),
        _ => (tree, None),
    };
    let mut path = prefix;
    path.extend(head.split("::").filter(|s| !s.is_empty()).map(String::from));
    match group {
        None => paths.push(path),
        Some(group) => {
            for branch in split_top_level(group) {
                if branch == "self" {
                    paths.push(path.clone());
                } else {
                    expand_into(branch, path.clone(), paths);
                }
            }
        }
    }
}

fn split_top_level(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&group[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// The module a path names: the longest prefix that is a file of ours.
fn resolve(from: &Module, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let mut absolute: Module = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("self") => from.clone(),
        Some("super") => from.clone(),
        _ => return None,
    };
    let mut rest = &path[1..];
    if path[0] == "super" {
        absolute.pop();
        while rest.first().is_some_and(|s| s == "super") {
            absolute.pop();
            rest = &rest[1..];
        }
    }
    absolute.extend(rest.iter().filter(|s| *s != "*").cloned());
    (0..=absolute.len())
        .rev()
        .map(|n| absolute[..n].to_vec())
        .find(|candidate| !candidate.is_empty() && modules.contains(candidate))
}

fn import_graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&root, f)).collect();
    let use_statement = Regex::new(r"(?s)\buse\s+((?:crate|super|self)\b[^;]*);").unwrap();
    let inline_path = Regex::new(r"\b(crate|super|self)((?:::\w+)+)").unwrap();
    let child_declaration = Regex::new(r"(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?mod (\w+);").unwrap();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(&root, file);
        let code = without_tests_and_comments(&std::fs::read_to_string(file).unwrap());
        let mut paths: Vec<Vec<String>> = use_statement
            .captures_iter(&code)
            .flat_map(|c| expand_use_tree(&c[1]))
            .collect();
        paths.extend(inline_path.captures_iter(&code).map(|c| {
            std::iter::once(c[1].to_owned())
                .chain(c[2].split("::").filter(|s| !s.is_empty()).map(String::from))
                .collect()
        }));
        // A child named by its bare name (`own::edit`) from its parent.
        for child in child_declaration.captures_iter(&code) {
            let used = Regex::new(&format!(r"(?:^|[^:\w]){}::", &child[1])).unwrap();
            if used.is_match(&code) {
                paths.push(vec!["self".into(), child[1].to_owned()]);
            }
        }
        let imports: BTreeSet<Module> = paths
            .iter()
            .filter_map(|path| resolve(&module, path, &modules))
            .filter(|target| *target != module)
            .collect();
        graph.insert(module, imports);
    }
    graph
}

/// The shortest way from `start` back to itself, if there is one.
fn cycle_through(
    start: &Module,
    graph: &BTreeMap<Module, BTreeSet<Module>>,
) -> Option<Vec<Module>> {
    let mut came_from: BTreeMap<&Module, &Module> = BTreeMap::new();
    let mut queue: VecDeque<&Module> = VecDeque::from([start]);
    while let Some(current) = queue.pop_front() {
        for next in graph.get(current).into_iter().flatten() {
            if next == start {
                let mut path = vec![current.clone()];
                let mut at = current;
                while at != start {
                    at = came_from[at];
                    path.push(at.clone());
                }
                path.reverse();
                path.push(start.clone());
                return Some(path);
            }
            if !came_from.contains_key(next) {
                came_from.insert(next, current);
                queue.push_back(next);
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = import_graph();
    assert!(
        graph.len() > 50,
        "the source tree was read: {} files",
        graph.len()
    );
    let cycles: BTreeSet<String> = graph
        .keys()
        .filter_map(|module| cycle_through(module, &graph))
        .map(|cycle| {
            cycle
                .iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(" -> ")
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "module cycles:\n{}",
        cycles.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_cycle_check_sees_a_child_that_imports_its_parent() {
    let modules: BTreeSet<Module> = [
        vec!["web".to_owned()],
        vec!["web".to_owned(), "own".to_owned()],
    ]
    .into_iter()
    .collect();
    let child = vec!["web".to_owned(), "own".to_owned()];
    let paths = expand_use_tree("super::{helpers::x, session::Viewer}");
    assert_eq!(paths.len(), 2);
    assert_eq!(
        resolve(&child, &paths[0], &modules),
        Some(vec!["web".to_owned()])
    );
    let graph = BTreeMap::from([
        (vec!["web".to_owned()], BTreeSet::from([child.clone()])),
        (child.clone(), BTreeSet::from([vec!["web".to_owned()]])),
    ]);
    assert_eq!(cycle_through(&child, &graph).map(|c| c.len()), Some(3));
}

/// `(file, handler, lines)` for every `async fn` under `src/web`.
fn handler_lengths() -> Vec<(String, String, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let start = Regex::new(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?async fn (\w+)").unwrap();
    let mut lengths = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            if let Some(found) = start.captures(lines[i]) {
                let closing = format!("{}}}", &found[1]);
                let end = (i + 1..lines.len())
                    .find(|&j| lines[j].trim_end() == closing)
                    .unwrap_or(lines.len() - 1);
                let name = file.strip_prefix(&root).unwrap().display().to_string();
                lengths.push((name, found[2].to_owned(), end - i + 1));
                i = end;
            }
            i += 1;
        }
    }
    lengths
}

#[test]
fn no_handler_is_longer_than_forty_lines() {
    let lengths = handler_lengths();
    assert!(
        lengths.len() > 100,
        "the handlers were read: {}",
        lengths.len()
    );
    let long: Vec<String> = lengths
        .iter()
        .filter(|(_, _, lines)| *lines > LONGEST_HANDLER)
        .map(|(file, name, lines)| format!("web/{file}: {name} has {lines} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "handlers over {LONGEST_HANDLER} lines:\n{}",
        long.join("\n")
    );
}
