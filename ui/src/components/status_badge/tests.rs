use super::*;

#[test]
fn the_names_in_english_are_the_domain_labels() {
    for status in OrderStatus::ALL {
        assert_eq!(status_name(status), status.label());
        for kind in [FulfilmentKind::Pickup, FulfilmentKind::Delivery] {
            assert_eq!(status_name_for(status, kind), status.label_for(kind));
        }
    }
}
