# Stage: the design study for a follow-up study (docs/methods.md, M12): power by simulation from the fitted
# model, one job per design point (effect × planned number of verdicts), gathered into one table and a figure.
# Target: `snakemake ontwerp` (Snakefile). Each point has its own seed, so the gathered table does not depend on the split.
DESIGN = config["design"]
DESIGN_EFFECTS = [e for e in DESIGN["effects"]]
DESIGN_SIZES = [int(n) for n in DESIGN["sizes"]]


rule design_point:
    input:
        code=lib("design", "models", "stats", "inference", "figures", "compare", "fonts", "numbers"),
        cases=rules.clean_cases.output.cases,
    output:
        point="results/ontwerp/punten/{effect}_n{n}.csv",
    log:
        f"{LOGS}/design_point/{{effect}}_n{{n}}.log",
    wildcard_constraints:
        effect="|".join(DESIGN_EFFECTS),
        n=r"\d+",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured, 500 simulations of 40-600 defendants: 1.2-3.1 s CPU, 226 MiB (time grows with simulations x size)
        mem_mb=1000,
        runtime=10,
    params:
        size=lambda wildcards: DESIGN["effects"][wildcards.effect],
        simulations=DESIGN["simulations"],
        replicates=DESIGN["bootstrap_replicates"],
        seed=DESIGN["seed"],
        level=config["analysis"]["ci_level"],
    script:
        "../scripts/design_point.py"


rule design_gather:
    input:
        code=lib("design", "models", "stats", "inference", "figures", "compare", "fonts", "provenance", "numbers"),
        points=expand(rules.design_point.output.point, effect=DESIGN_EFFECTS, n=DESIGN_SIZES),
    output:
        table=report(
            "results/ontwerp/ontwerp.csv",
            caption="../report/captions/ontwerp_tabel.rst",
            category="4. Ontwerpstudie",
        ),
        figure_svg=report(
            "results/ontwerp/ontwerp.svg",
            caption="../report/captions/ontwerp.rst",
            category="4. Ontwerpstudie",
        ),
        figure_png="results/ontwerp/ontwerp.png",
    log:
        f"{LOGS}/design_gather.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured, 15 design points: 2.1 s CPU, 227 MiB
        mem_mb=1000,
        runtime=10,
    params:
        synthetic=config["input"]["synthetic"],
    script:
        "../scripts/design_gather.py"


# The letter cites the last design result when there is one. Not an input: `report` does not run the study
# (it takes longer than a minute on two cores); a new result changes the checksums, so the letter re-renders.
DESIGN_RESULTS = {
    "ontwerp": str(rules.design_gather.output.table),
    "ontwerp_figuur": str(rules.design_gather.output.figure_svg),
}
