# Index only: the stages live in rules/*.smk, helpers in rules/common.smk.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


# `snakemake --report`: the workflow's description; results by stage (categories in rules/*.smk).
report: "report/workflow.rst"


include: "rules/common.smk"
include: "rules/data.smk"
include: "rules/describe.smk"
include: "rules/models.smk"
include: "rules/design.smk"
include: "rules/report.smk"
include: "rules/verdicts.smk"


rule all:
    default_target: True
    input:
        rules.render_report.output,
        rules.check_published.output,
        rules.figures.output,
        rules.demand_sentence.output,
        rules.decomposition.output,
        rules.models.output,


rule report:
    input:
        rules.render_report.output,


# The design study for a follow-up study (rules/design.smk): `snakemake ontwerp`.
rule ontwerp:
    input:
        rules.design_gather.output,
