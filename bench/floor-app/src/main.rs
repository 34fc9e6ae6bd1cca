//! The smallest Tauri v2 app that paints a page and reports it: what any
//! Tauri app costs before it does anything. Used by `./x bench` only.

#[tauri::command]
fn frontend_ready() {
    // The benchmark waits for this line; for start-up runs it ends the process.
    println!("FIRST_PAINT");
    if std::env::var("MUC_BENCH_FIRST_PAINT").as_deref() == Ok("exit") {
        std::process::exit(0);
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![frontend_ready])
        .run(tauri::generate_context!())
        .expect("run");
}
