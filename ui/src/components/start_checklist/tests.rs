use super::*;

#[test]
fn the_steps_in_english_are_the_domain_words() {
    for step in StartStep::ALL {
        assert_eq!(step_title(step), step.title());
        assert_eq!(step_hint(step), step.hint());
    }
}
