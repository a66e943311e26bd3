

def test_one_day_epoch_for_the_build_time_and_the_pdf_time():
    """The workflow's default SOURCE_DATE_EPOCH and the PDF's timestamp are the same midnight of the letter date."""
    from mhcases.provenance import day_epoch, default_source_date_epoch
    from mhcases.render import typst_timestamp

    assert day_epoch("2021-03-02") == 1614643200
    assert default_source_date_epoch("2021-03-02", ".") == typst_timestamp({"date_iso": "2021-03-02"}, {})
    assert day_epoch("2021-03-02") - day_epoch("2021-03-01") == 86400
