//! `nastavnik-cli`: Наставник without a window. Every command takes `--data-dir` and `--json`;
//! bad input exits with code 2 and a Russian message, access refused by another device with 3,
//! other failures with 1.

mod cli {
    pub mod args;
    pub mod changes;
    pub mod context;
    pub mod forwarded;
    pub mod journal;
    pub mod journal_args;
    pub mod network;
    pub mod notes;
    pub mod pair_args;
    pub mod pairs;
    pub mod paperwork;
    pub mod parse;
    pub mod programme;
    pub mod report;
    pub mod results;
    pub mod school;
}

use clap::Parser;
use cli::args::{self, Cli, Command, InviteCmd, SchoolCmd};
use cli::context::{Ctx, Output};
use nastavnik_node::clock::Clock;
use nastavnik_node::lock;
use nastavnik_node::paths::DataDir;
use nastavnik_node::{Node, NodeError};

fn main() {
    let args = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let json = args.json;
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => fail(json, &NodeError::io_by(e)),
    };
    match runtime.block_on(run(args)) {
        Ok(out) => {
            if json {
                println!("{}", out.json);
            } else {
                println!("{}", out.text.trim_end());
            }
        }
        Err(e) => fail(json, &e),
    }
}

fn fail(json: bool, e: &NodeError) -> ! {
    let code = e.exit_code();
    if json {
        let kind = match code {
            2 => "input",
            3 => "refused",
            _ => "system",
        };
        println!("{}", serde_json::json!({ "error": e.to_string(), "kind": kind }));
    }
    eprintln!("ошибка: {e}");
    std::process::exit(code);
}

async fn run(args: Cli) -> Result<Output, NodeError> {
    let root = match args.data_dir {
        Some(dir) => dir,
        None => DataDir::platform_default()?,
    };
    let today = args.today.as_deref().map(|t| cli::parse::date("--today", t)).transpose()?;
    let dir = DataDir::open(root)?;
    let clock = Clock::from_today(today);
    let (mut node, _lock) = match usage(&args.command) {
        Some(lock::Use::Write) => match lock::try_acquire(&dir)? {
            Some(lock) => (Node::open(dir, clock).await?, Some(lock)),
            None => {
                // The folder is held: by a running `serve`, hand it the command; by another
                // short command, wait for the folder.
                if let Some(reply) = cli::forwarded::forward(&dir).await? {
                    return reply;
                }
                let lock = lock::acquire(&dir, lock::Use::Write)?;
                (Node::open(dir, clock).await?, Some(lock))
            }
        },
        Some(usage) => {
            let lock = lock::acquire(&dir, usage)?;
            (Node::open(dir, clock).await?, Some(lock))
        }
        // Reads take no lock and write nothing.
        None => (Node::open_read_only(dir, clock).await?, None),
    };
    let result = match args.command {
        Command::Demo => cli::school::demo(&mut node).await,
        Command::School(SchoolCmd::Create { name, head, curator }) => {
            cli::school::create_school(&mut node, name, head, curator).await
        }
        Command::Invite(InviteCmd::Redeem { code, peer, payload }) => {
            cli::network::redeem_invite(&mut node, code, peer, payload).await
        }
        Command::Serve(args) => cli::network::serve(&Ctx { node: &node }, args).await,
        command => dispatch(&Ctx { node: &node }, command).await,
    };
    // Every change is on disk before we say it is saved.
    node.close().await?;
    result
}

/// How a command uses the data folder: `None` for commands that only read.
fn usage(command: &Command) -> Option<lock::Use> {
    use cli::args::{DeviceCmd, MeetingCmd, PairCmd, PersonCmd, PlanCmd, RoadmapCmd};
    match command {
        Command::Serve(_) => Some(lock::Use::Serve),
        Command::Device(DeviceCmd::Show)
        | Command::Person(PersonCmd::List)
        | Command::Pair(
            PairCmd::List
            | PairCmd::Suggest { .. }
            | PairCmd::Requests { .. }
            | PairCmd::History { .. }
            | PairCmd::Conflicts { .. },
        )
        | Command::Plan(PlanCmd::List { .. })
        | Command::Programme(cli::programme::ProgrammeCmd::List { .. })
        | Command::Notes(cli::notes::NotesCmd::List { .. })
        | Command::Meeting(MeetingCmd::List { .. })
        | Command::Roadmap(RoadmapCmd::List)
        | Command::Export { .. }
        | Command::Import { apply: false, .. }
        | Command::Overview
        | Command::Attention
        | Command::Status => None,
        Command::School(SchoolCmd::Settings(args)) if args.is_empty() => None,
        _ => Some(lock::Use::Write),
    }
}

/// Runs a command on a node it does not own: everything but `serve` and the commands that
/// change the device's role (`demo`, `school create`, `invite redeem`), which [`run`] handles.
async fn dispatch(ctx: &Ctx<'_>, command: Command) -> Result<Output, NodeError> {
    match command {
        Command::Device(args::DeviceCmd::Revoke { device }) => {
            let pairs = nastavnik_node::trust::revoke(ctx.node, &device, ctx.now()).await?;
            let text = format!("Доступ устройства {device} отозван; пар: {}", pairs.len());
            Ok(Output::new(text, serde_json::json!({ "device": device, "pairs": pairs })))
        }
        Command::Device(cmd) => cli::school::device(ctx, cmd),
        Command::Demo
        | Command::School(SchoolCmd::Create { .. })
        | Command::Invite(InviteCmd::Redeem { .. }) => Err(NodeError::Input(
            "пока работает «serve», эта команда недоступна: она меняет роль устройства — остановите «serve»"
                .into(),
        )),
        Command::Serve(_) => Err(NodeError::Input("«serve» уже работает на этой папке данных".into())),
        Command::Person(cmd) => cli::school::person(ctx, cmd).await,
        Command::Consent(args) => cli::school::consent(ctx, args).await,
        Command::Pair(cmd) => cli::pairs::pair(ctx, cmd).await,
        Command::Plan(cmd) => cli::journal::plan(ctx, cmd).await,
        Command::Programme(cmd) => cli::programme::programme(ctx, cmd).await,
        Command::Notes(cmd) => cli::notes::notes(ctx, cmd).await,
        Command::Meeting(cmd) => cli::journal::meeting(ctx, cmd).await,
        Command::Monitoring(args) => cli::journal::monitoring(ctx, args).await,
        Command::Invite(InviteCmd::Create { person, hours }) => {
            cli::network::create_invite(ctx, person, hours).await
        }
        Command::Sync(args) => cli::network::sync(ctx, args).await,
        Command::Roadmap(cmd) => cli::report::roadmap(ctx, cmd).await,
        Command::Export { kind, pair, person, number, out } => {
            cli::paperwork::export(ctx, &kind, pair.as_deref(), person.as_deref(), number.as_deref(), &out)
                .await
        }
        Command::Order { number, date, pairs, out } => {
            cli::paperwork::order(ctx, &number, &date, &pairs, &out).await
        }
        Command::Import { base, file, apply } => cli::paperwork::import(ctx, &base, &file, apply).await,
        Command::Overview => cli::report::overview(ctx).await,
        Command::Attention => cli::report::attention(ctx).await,
        Command::School(SchoolCmd::Settings(args)) => cli::report::warnings(ctx, args).await,
        Command::Status => cli::report::status(ctx).await,
    }
}
