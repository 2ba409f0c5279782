//! Joining: the curator invites a person's device (code + QR); a new device joins with the code.

use nastavnik_node::joining;
use nastavnik_shared::app::InviteView;
use nastavnik_shared::app::commands::{Answer, CreateInvite, GetAppStatus, Join};
use tauri::State;

use crate::state::{AppState, Res, app_error, school};

/// Issues a 72-hour, single-use invite for a person of the bank (curator).
#[tauri::command]
pub async fn invite(state: State<'_, AppState>, call: CreateInvite) -> Res<Answer<CreateInvite>> {
    let CreateInvite { person_id } = call;
    let node = state.node.read().await;
    let s = school(&node).await?;
    let issued = joining::create_invite(&node, &s, &person_id, 72, state.now()).await.map_err(app_error)?;
    let qr = qrcode::QrCode::new(issued.payload.as_bytes())
        .map_err(|e| crate::state::input(format!("QR-код не получился: {e}")))?;
    let qr_svg = qr.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build();
    let local = issued.expires_at.with_timezone(&chrono::Local);
    Ok(InviteView {
        name: issued.name,
        code: issued.code,
        expires: local.format("%d.%m.%Y %H:%M").to_string(),
        payload: issued.payload,
        qr_svg,
    })
}

/// First run, "I am a participant": redeems the curator's code (the curator's device is found
/// on the LAN, or at the address given) and makes this the person's device.
#[tauri::command]
pub async fn join(state: State<'_, AppState>, call: Join) -> Res<Answer<Join>> {
    let Join { code, curator } = call;
    {
        let mut node = state.node.write().await;
        let (code, at) = joining::parse_invite(&code, Some(&curator)).map_err(app_error)?;
        joining::redeem_invite(&mut node, code, at).await.map_err(app_error)?;
    }
    crate::online::start(&state);
    super::school::app_status(state, GetAppStatus {}).await
}
