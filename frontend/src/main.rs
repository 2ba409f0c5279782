//! Mounts the app into the page.

fn main() {
    yew::Renderer::<nastavnik_frontend::App>::new().render();
}
