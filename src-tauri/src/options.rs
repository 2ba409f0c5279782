//! Settings of a run, from the command line or the environment (the command line wins).

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono::NaiveDate;
use nastavnik_node::net::PeerAddr;
use nastavnik_node::online::Online;
use nastavnik_node::paths::DataDir;
use nastavnik_shared::Code;

/// What to run with.
pub struct Options {
    /// The data folder.
    pub data_dir: PathBuf,
    /// Store the demo school on a new device.
    pub demo: bool,
    /// A fixed "today".
    pub today: Option<NaiveDate>,
    /// Network settings.
    pub online: Online,
}

impl Options {
    /// Reads `NASTAVNIK_*` variables, then the arguments.
    pub fn from_env_and_args() -> Result<Options, String> {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let mut data_dir = env("NASTAVNIK_DATA_DIR").map(PathBuf::from);
        let mut demo = env("NASTAVNIK_DEMO").is_some_and(|v| v == "1");
        let mut today = env("NASTAVNIK_TODAY");
        let mut listen = env("NASTAVNIK_LISTEN").unwrap_or_else(|| "0.0.0.0:0".into());
        let mut peers: Vec<String> =
            env("NASTAVNIK_PEERS").map(|p| p.split(',').map(String::from).collect()).unwrap_or_default();
        let mut mdns = env("NASTAVNIK_NO_MDNS").is_none_or(|v| v != "1");
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name}: нужно значение"));
            match arg.as_str() {
                "--data-dir" => data_dir = Some(PathBuf::from(value("--data-dir")?)),
                "--demo" => demo = true,
                "--today" => today = Some(value("--today")?),
                "--listen" => listen = value("--listen")?,
                "--peer" => peers.push(value("--peer")?),
                "--no-mdns" => mdns = false,
                other => return Err(format!("неизвестный параметр «{other}»")),
            }
        }
        let data_dir = match data_dir {
            Some(d) => d,
            None => DataDir::platform_default().map_err(|e| e.to_string())?,
        };
        let today = today
            .map(|t| {
                NaiveDate::from_code(&t).ok_or_else(|| format!("--today: «{t}» — нужна дата ГГГГ-ММ-ДД"))
            })
            .transpose()?;
        let listen: SocketAddr =
            listen.parse().map_err(|_| format!("--listen: неверный адрес «{listen}»"))?;
        let peers = peers
            .iter()
            .map(|p| p.trim().parse::<PeerAddr>().map_err(|e| format!("--peer «{p}»: {e}")))
            .collect::<Result<_, _>>()?;
        Ok(Options {
            data_dir,
            demo,
            today,
            online: Online { listen, peers, mdns, addr_file: None, kick: Default::default() },
        })
    }
}
