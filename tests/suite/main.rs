//! The integration tests, as one test binary: each module is a suite (the name says what it
//! covers), so the crate and the test dependencies are linked once rather than once per
//! suite. Run one suite with `cargo test --test suite MODULE::`.
//!
//! Three suites stay binaries of their own because they watch the whole process:
//! `tests/framework_memory.rs` installs a counting global allocator, `tests/planning.rs`
//! reads the process's peak resident memory and `tests/threads.rs` counts its threads.

/// The ESCO loader the examples use, shared with the suites that read the real data.
#[path = "../../examples/support/esco.rs"]
mod esco_data;
mod support;

mod acbp;
mod atlas;
mod blank_text;
mod blanks;
mod career;
mod career_mixed;
mod case;
mod case_codes;
mod case_derived_ids;
mod case_document_types;
mod case_empty_fields;
mod case_export_strict;
mod case_field_case;
mod case_inputs;
mod case_json_ld;
mod case_languages;
mod case_links;
mod case_numbers;
mod case_properties;
mod case_real;
mod case_repeats;
mod case_repeats_spelled;
mod case_round_trip;
mod case_rubric_repeats;
mod case_shapes;
mod case_shared_uris;
mod case_text_lists;
mod case_types;
mod case_wild;
mod case_wrappers;
mod case_xml;
mod cases;
mod cohort_capacity;
mod cohort_csv;
mod cohort_json;
mod cohort_threads;
mod csv_dates;
mod csv_dialects;
mod csv_exports;
mod csv_level_names;
mod csv_row_problems;
mod csv_title_lines;
mod department_enumerated;
mod department_mixed;
mod drawn;
mod epoch_dates;
mod errors;
mod esco;
mod esco_official;
mod evaluate;
mod evidence_dates;
mod examples;
mod groups;
mod hardening;
mod hour_totals;
mod hr_headers;
mod igot;
mod igot_level_names;
mod inference;
mod json_every_error;
mod json_inputs;
mod json_messages;
mod kinds;
mod level_messages;
mod level_names_alone;
mod level_names_blank;
mod level_names_numbered;
mod level_names_requirements;
mod levels;
mod levels_marked_missing;
mod loaders;
mod lookalike_ids;
mod needs_kernel;
mod negative_zero_levels;
mod null_fields;
mod officers_csv;
mod officers_writer;
mod passbook_inputs;
mod path_enumerated;
mod path_mixed;
mod plan_claims;
mod plan_oracle;
mod plan_oracle_department;
mod plan_oracle_exact;
mod plan_shapes;
mod plan_shapes_department;
mod properties;
mod publishers;
mod recommend;
mod recommender;
mod refused_rows;
mod reports;
mod review_scales;
mod rollup;
mod roman_levels;
mod round_trips;
mod rubric_orders;
mod rubric_scores;
mod scale_bounds;
mod scales;
mod schema;
mod spreadsheet_date_times;
mod unknown_ids_at_once;
mod validation;
mod writers;
