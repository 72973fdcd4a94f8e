//! Digital goods: airtime and data bundles delivered to a phone through a
//! provider. [`africastalking`] is the client of Africa's Talking, tested
//! against `dukadesk_sims::africastalking`. The fulfilment machine that
//! drives it from a paid order (queued, sent, delivered or failed, resumed
//! by asking after a restart) is not built yet: a paid digital order's
//! `digital_fulfilments` row stays pending for staff.

pub mod africastalking;
