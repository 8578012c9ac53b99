//! The command line of one command: positional arguments, flags, and options with a value
//! (`--limit 5` or `--limit=5`; some may repeat). No parser crate: the commands are few.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

/// What is wrong with the command line, in words.
pub struct Usage(pub String);

pub struct Args {
    positional: Vec<String>,
    flags: Vec<String>,
    values: BTreeMap<String, Vec<String>>,
}

impl Args {
    /// Reads `argv` for a command that knows the flags `flags` and the options with a value
    /// `valued`; anything else starting with `--` is refused.
    pub fn parse(argv: &[String], flags: &[&str], valued: &[&str]) -> Result<Args, Usage> {
        let mut a = Args {
            positional: Vec::new(),
            flags: Vec::new(),
            values: BTreeMap::new(),
        };
        let mut rest = argv.iter();
        let mut only_positional = false;
        while let Some(arg) = rest.next() {
            if only_positional || !arg.starts_with("--") {
                a.positional.push(arg.clone());
                continue;
            }
            if arg == "--" {
                only_positional = true;
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (arg.as_str(), None),
            };
            if flags.contains(&name) && inline.is_none() {
                a.flags.push(name.to_string());
            } else if valued.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => rest
                        .next()
                        .cloned()
                        .ok_or_else(|| Usage(format!("{name} needs a value")))?,
                };
                a.values.entry(name.to_string()).or_default().push(value);
            } else {
                return Err(Usage(format!("unknown option '{arg}'")));
            }
        }
        Ok(a)
    }

    /// Exactly `N` positional arguments, named `names` in the error, as paths.
    pub fn positional<const N: usize>(&self, names: [&str; N]) -> Result<[PathBuf; N], Usage> {
        if self.positional.len() != N {
            return Err(Usage(format!(
                "expected {} (got {} argument{})",
                names.join(" "),
                self.positional.len(),
                if self.positional.len() == 1 { "" } else { "s" }
            )));
        }
        Ok(std::array::from_fn(|i| PathBuf::from(&self.positional[i])))
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The value of an option given at most once.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .and_then(|v| v.last())
            .map(String::as_str)
    }

    /// Every value of an option that may repeat, in order.
    pub fn values(&self, name: &str) -> &[String] {
        self.values.get(name).map_or(&[], Vec::as_slice)
    }

    /// The value of an option as a number, if given.
    pub fn number<T: FromStr>(&self, name: &str) -> Result<Option<T>, Usage> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| Usage(format!("{name} '{v}' is not a number"))),
        }
    }
}
