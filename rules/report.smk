# Stage: render the Kamerbrief (HTML and PDF) from the Quarto project in report/.


rule render_report:
    input:
        qmd="report/kamerbrief.qmd",
        project=files_under("report"),
        published=files_under(config["published_dir"]),
    output:
        html="results/report/kamerbrief.html",
        pdf="results/report/kamerbrief.pdf",
    params:
        letter=config["letter"],
        synthetic=config["input"]["synthetic"],
        published_dir=config["published_dir"],
        month_classes=config["tables"]["month_classes"],
    log:
        f"{LOGS}/render_report.log",
    script:
        "../scripts/render_report.py"
