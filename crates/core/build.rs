//! `sqlx::migrate!` embeds the migrations when this crate compiles; cargo
//! does not know that, so a new migration file would not be picked up
//! until something else changed here. Tell it.

fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
