//! First run: «Я куратор» (create the school), «Я участник» (join with the curator's code or the
//! content of its QR code), or the demo school.

use nastavnik_shared::app::AppStatus;
use nastavnik_shared::app::commands::{CreateSchool, Join, LoadDemo};
use yew::prelude::*;

use super::app::Ctx;
use super::widgets::{Field, FormError, setter, submit};
use crate::state::Action;

/// The first-run screen.
#[function_component(FirstRun)]
pub fn first_run() -> Html {
    let ctx = use_context::<Ctx>().expect("inside App");
    let form = use_state(CreateSchool::default);
    let error = use_state(|| None::<String>);
    let set = |f: fn(&mut CreateSchool, String)| setter(&form, f);
    let create = {
        let (ctx, form, error) = (ctx.clone(), form.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = ctx.clone();
            submit((*form).clone(), error.clone(), move |s: AppStatus| ctx.dispatch(Action::Status(s)));
        })
    };
    let joining = use_state(Join::default);
    let join_error = use_state(|| None::<String>);
    let set_join = |f: fn(&mut Join, String)| setter(&joining, f);
    let join = {
        let (ctx, joining, join_error) = (ctx.clone(), joining.clone(), join_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ctx = ctx.clone();
            submit((*joining).clone(), join_error.clone(), move |s: AppStatus| {
                ctx.dispatch(Action::Status(s))
            });
        })
    };
    let demo = {
        let (ctx, error) = (ctx.clone(), error.clone());
        Callback::from(move |_| {
            let ctx = ctx.clone();
            submit(LoadDemo {}, error.clone(), move |s: AppStatus| ctx.dispatch(Action::Status(s)));
        })
    };
    html! {
        <section class="first-run">
            <h1>{ "Добро пожаловать в «Наставник»" }</h1>
            <div class="cards">
                <form class="card" onsubmit={create}>
                    <h2>{ "Я куратор" }</h2>
                    <p>{ "Создайте школу на этом устройстве: здесь будут база наставников и наставляемых, пары и обзор." }</p>
                    <Field label="Название образовательной организации" id="school-name" value={form.name.clone()} oninput={set(|f, v| f.name = v)} />
                    <Field label="Руководитель" id="school-head" value={form.head.clone()} oninput={set(|f, v| f.head = v)} />
                    <Field label="Куратор" id="school-curator" value={form.curator.clone()} oninput={set(|f, v| f.curator = v)} />
                    <FormError error={(*error).clone()} />
                    <button id="create-school" type="submit" class="primary">{ "Создать школу" }</button>
                </form>
                <form class="card" onsubmit={join}>
                    <h2>{ "Я участник" }</h2>
                    <p>{ "Наставник или наставляемый подключается по коду приглашения от куратора (или по содержимому его QR-кода). Устройство куратора должно быть в той же сети." }</p>
                    <Field label="Код приглашения" id="join-code" placeholder="K7F4Q-9XZ2M" value={joining.code.clone()} oninput={set_join(|f, v| f.code = v)} />
                    <Field label="Адрес устройства куратора (если не находится само)" id="join-curator" placeholder="необязательно" value={joining.curator.clone()} oninput={set_join(|f, v| f.curator = v)} />
                    <FormError error={(*join_error).clone()} />
                    <button id="join" type="submit" class="primary">{ "Подключиться" }</button>
                </form>
                <div class="card">
                    <h2>{ "Посмотреть пример" }</h2>
                    <p>{ "Демонстрационная школа с парами, планами и журналом встреч." }</p>
                    <button id="load-demo" onclick={demo}>{ "Открыть демонстрационную школу" }</button>
                </div>
            </div>
        </section>
    }
}
