//! Commands handed to a running `serve` (see `nastavnik_node::control`): the caller side finds
//! the door and prints the answer; the serving side parses the command line again, runs it on
//! its own node — one at a time (the node's own files are guarded by `Node::exclusive` in the
//! operations that rewrite them, so they never interleave with an invite being redeemed) — and brings the share
//! table up to date at once (a revoked device is cut off before the answer is sent).

use std::path::Path;

use clap::Parser;
use nastavnik_node::control::{self, Reply, Request};
use nastavnik_node::paths::DataDir;
use nastavnik_node::{Node, NodeError, server};

use super::args::{Cli, Command};
use super::context::{Ctx, Output};

/// Hands this process's command to the process serving `dir`; `None` if nobody serves it.
pub async fn forward(dir: &DataDir) -> Result<Option<Result<Output, NodeError>>, NodeError> {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let cwd = std::env::current_dir().map_err(NodeError::io_by)?;
    Ok(control::forward(dir, args, &cwd).await?.map(|reply| match reply {
        Reply::Done { text, json } => Ok(Output::new(text, json)),
        Reply::Failed { message, input } => Err(NodeError::Relayed { message, input }),
    }))
}

/// Runs a handed-over command on the serving node.
pub async fn run(node: &Node, request: Request) -> Reply {
    let outcome = execute(node, &request).await;
    server::refresh(node).await;
    match outcome {
        Ok(out) => Reply::Done { text: out.text, json: out.json },
        Err(e) => Reply::Failed { message: e.to_string(), input: e.is_input() },
    }
}

async fn execute(node: &Node, request: &Request) -> Result<Output, NodeError> {
    let cli = Cli::try_parse_from(&request.args).map_err(|e| NodeError::Input(e.to_string()))?;
    if let Some(day) = cli.today.as_deref() {
        let day = super::parse::date("--today", day)?;
        if day != node.clock.today() {
            return Err(NodeError::Input(format!(
                "папку данных обслуживает «serve», для которого сегодня {}; команда с --today {} не выполнена",
                node.clock.today().format("%d.%m.%Y"),
                day.format("%d.%m.%Y")
            )));
        }
    }
    match absolute(cli.command, &request.cwd) {
        Command::Sync(_) | Command::Serve(_) => Err(NodeError::Input(
            "на этой папке данных уже работает «serve»: он синхронизирует устройство сам".into(),
        )),
        command => crate::dispatch(&Ctx { node }, command).await,
    }
}

/// The command with its file paths made absolute against the caller's working folder.
fn absolute(mut command: Command, cwd: &Path) -> Command {
    match &mut command {
        Command::Export { out, .. } | Command::Order { out, .. } => *out = cwd.join(&*out),
        Command::Import { file, .. } => *file = cwd.join(&*file),
        _ => {}
    }
    command
}
