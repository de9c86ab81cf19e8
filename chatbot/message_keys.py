"""The messages the code shows, and the {placeholders} it fills in each: what content/messages/ must hold.

A message file is content, and its author may reword any message, drop a placeholder, or add a message
of their own. But a message the code asks for that is missing (renamed, or its file moved away), or a
placeholder the code does not fill in ("Questions? Call {phone}."), stopped the app in front of a patient,
after `trialbot check` had said the pack was valid. `content.py` checks every pack against this list, and
a test keeps the list equal to the shipped messages and their placeholders (a message the code starts to
show is added to both).
"""

from __future__ import annotations

PLAIN = frozenset(
    """
    answer_no answer_unsure answer_yes answers_separator colon comma list_separator outcome_in_progress
    outcome_not_eligible outcome_possible_match outcome_unsure ruled_out_now summary_change_answer
    summary_clinic_contact_heading summary_col_answer summary_col_need summary_col_result summary_contact_city
    summary_contact_department summary_contact_heading summary_contact_investigator summary_contact_missing
    summary_contact_record summary_contact_site summary_involves_heading summary_next_heading
    summary_next_not_eligible summary_next_possible_match summary_next_unsure summary_no_answer
    summary_not_a_decision summary_official_title summary_outcome_heading summary_reasons_heading
    summary_related_heading summary_status_heading summary_status_not_passed summary_status_passed
    summary_table_heading summary_title ui_about_button ui_about_groups ui_about_heading ui_about_where
    ui_about_who ui_app_title ui_back_button ui_back_to_question ui_back_to_summary ui_back_to_summary_button ui_cancel ui_change_button
    ui_change_this_answer ui_change_which ui_close
    ui_done_button ui_finish ui_first_page ui_go_on ui_idle_clear ui_idle_heading ui_idle_still_here ui_key_about ui_key_answer ui_key_back
    ui_key_choose ui_key_close ui_key_done ui_key_language ui_key_quit ui_key_start ui_key_why ui_kiosk_next_possible_match
    ui_kiosk_not_saved ui_language_name_en ui_language_name_zh ui_multi_hint ui_next_page ui_pad_delete ui_pad_month
    ui_pad_months ui_pad_send ui_pad_year ui_pad_years ui_pin_heading ui_pin_prompt ui_pin_wrong ui_qr_caption
    reask_refusal ui_ruled_out_choice ui_save_button ui_save_heading ui_save_keep ui_save_no_name ui_save_ok ui_save_replace ui_save_where
    ui_see_result ui_show_all ui_start ui_start_again ui_start_again_no ui_start_again_question
    ui_start_again_yes ui_type_here ui_type_number ui_week ui_weeks ui_welcome_heading ui_welcome_keys
    ui_welcome_not ui_welcome_privacy ui_welcome_privacy_kiosk ui_why_button ui_why_heading unit_months
    unit_years verdict_met verdict_not_asked verdict_not_met verdict_to_confirm verdict_unknown
    """.split()
)
"""Messages shown as they are: no placeholder is filled in."""

FILLED: dict[str, frozenset[str]] = {
    key: frozenset(names.split())
    for key, names in {
        "answer_and_tried": "answer tried",
        "answer_and_words": "answer said",
        "reask_about_you": "said",
        "reask_about_you_short": "said",
        "reask_asking_back": "why",
        "reask_duration": "said",
        "reask_duration_inexact": "said",
        "reask_duration_near": "line said unsure",
        "reask_duration_several": "said",
        "reask_number": "said",
        "reask_number_inexact": "said",
        "reask_out_of_range": "max min said",
        "reask_suggest": "said",
        "reask_suggest_multi": "said",
        "reask_unclear": "said",
        "reask_window_near": "line no said unsure yes",
        "status_notice_passed": "completion_date",
        "status_notice_not_recruiting": "last_updated",
        "summary_date": "nct_id today",
        "summary_follow_up": "weeks",
        "summary_status_line": "completion_date last_updated status",
        "summary_status_meaning": "meaning status",
        "ui_about_so_much": "answer",
        "ui_about_size": "nct_id people",
        "ui_about_who_text": "max min",
        "ui_answer_changed": "answer",
        "ui_at_least": "answer",
        "ui_before_you_said": "answer",
        "ui_idle_body": "seconds",
        "ui_idle_newcomer": "clear",
        "ui_idle_newcomer_key": "number",
        "ui_pin_locked": "seconds",
        "ui_read_as": "answer",
        "ui_unit_choice": "amount",
        "ui_years_and_months": "amount answer",
        "ui_weeks_and_months": "amount answer",
        "ui_you_answered": "answer",
        "ui_page": "current total",
        "ui_progress": "current total",
        "ui_save_exists": "path",
        "ui_save_failed": "path problem",
        "ui_save_folder": "path",
        "ui_saved": "path",
        "ui_too_small": "height width",
        "ui_welcome_what": "minutes questions",
        "value_month": "value",
        "value_months": "value",
        "value_years": "value",
    }.items()
}
"""Messages with the placeholders the code fills in each."""

DATES = frozenset({"today", "completion_date", "last_updated"})
"""The placeholders the code fills with a date: only these may say how they are written ({today:%Y年%m月%d日})."""
