//! Синхронизация: this device and whether it is online, the last sync with each device and
//! whether changes wait to be sent, the devices with access (the curator can revoke one).

use nastavnik_shared::app::commands::{GetSyncStatus, RevokeDevice, SyncNow};
use nastavnik_shared::app::{Network, SyncView};
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{FormError, submit};
use crate::state::Action;

/// The sync screen.
#[function_component(SyncScreen)]
pub fn sync() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let view = use_state(|| None::<SyncView>);
    let error = use_state(|| None::<String>);
    {
        let (view, error) = (view.clone(), error.clone());
        use_effect_with(ctx.revision, move |_| {
            submit(GetSyncStatus {}, error, move |v: SyncView| view.set(Some(v)));
        });
    }
    let sync_now = {
        let (ctx, error) = (ctx.clone(), error.clone());
        Callback::from(move |_| {
            let ctx = ctx.clone();
            submit(SyncNow {}, error.clone(), move |()| ctx.dispatch(Action::Changed));
        })
    };
    let Some(v) = &*view else {
        return html! { <><FormError error={(*error).clone()} /><p class="loading">{ "Загрузка…" }</p></> };
    };
    let curator = ctx.is_curator();
    html! {
        <section class="sync">
            <h1>{ "Синхронизация" }</h1>
            <div class="panel">
                <h2>{ "Это устройство" }</h2>
                <p id="online-state" class={classes!(if v.online { "ok" } else { "warn" })}>
                    { match &v.network {
                        Network::Listening { .. } => "В сети: устройство принимает соединения; устройства школы в этой сети синхронизируются сами.".to_string(),
                        Network::Starting => "Подключение к сети…".to_string(),
                        Network::Failed { reason } => format!("Сеть не запущена: {reason}. Изменения сохраняются здесь и уйдут, когда сеть заработает (перезапустите приложение)."),
                        Network::Off => "Не в сети: изменения сохраняются здесь и уйдут при следующей встрече устройств.".to_string(),
                    } }
                </p>
                if v.online {
                    <p id="connected">
                        { if v.connected.is_empty() { "Сейчас на связи нет ни одного устройства.".to_string() }
                          else { format!("Сейчас на связи: {}", v.connected.join(", ")) } }
                    </p>
                }
                <p class="muted">{ format!("Идентификатор: {}", v.device_id) }</p>
                if !v.address.is_empty() { <p class="muted">{ format!("Адрес: {}", v.address) }</p> }
                <button id="sync-now" onclick={sync_now}>{ "Синхронизировать сейчас" }</button>
            </div>
            <FormError error={(*error).clone()} />
            <div class="panel">
                <h2>{ "Последняя синхронизация" }</h2>
                if v.rows.is_empty() { <p class="muted">{ "Синхронизаций ещё не было." }</p> }
                else {
                    <table class="sync-rows">
                        <thead><tr><th>{ "Документ" }</th><th>{ "Устройство" }</th><th>{ "Когда" }</th><th>{ "Изменения" }</th></tr></thead>
                        <tbody>{ for v.rows.iter().map(|r| html! {
                            <tr>
                                <td>{ r.title.clone() }</td>
                                <td>{ r.peer.clone() }</td>
                                <td>{ r.last_synced.clone() }</td>
                                <td class={classes!((r.unsent == Some(true)).then_some("warn"))}>{ match r.unsent {
                                    Some(true) => "есть несинхронизированные изменения",
                                    Some(false) => "всё передано",
                                    None => "документа нет на устройстве",
                                } }</td>
                            </tr>
                        }) }</tbody>
                    </table>
                }
            </div>
            <div class="panel">
                <h2>{ "Рядом (в этой сети)" }</h2>
                if v.nearby.is_empty() { <p class="muted">{ "Устройств школы в этой сети не видно." }</p> }
                <ul id="nearby">{ for v.nearby.iter().map(|(d, role, seen)| html! {
                    <li>{ format!("{d} — {role}, виден в {seen}") }</li>
                }) }</ul>
            </div>
            if curator {
                <div class="panel">
                    <h2>{ "Устройства участников" }</h2>
                    if v.devices.is_empty() { <p class="muted">{ "Участники ещё не подключали устройства." }</p> }
                    <table class="devices">
                        <tbody>{ for v.devices.iter().map(|d| {
                            let revoke = {
                                let (ctx, error, device) = (ctx.clone(), error.clone(), d.device.clone());
                                Callback::from(move |_| {
                                    let ctx = ctx.clone();
                                    submit(RevokeDevice { device: device.clone() }, error.clone(), move |_: usize| ctx.dispatch(Action::Changed));
                                })
                            };
                            html! {
                                <tr>
                                    <td>{ d.device.chars().take(10).collect::<String>() }</td>
                                    <td>{ d.pairs.join("; ") }</td>
                                    <td><button class="revoke" onclick={revoke}>{ "Отозвать доступ" }</button></td>
                                </tr>
                            }
                        }) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
