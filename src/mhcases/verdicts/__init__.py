"""Reading rechtspraak documents, selecting the study's cases, and pre-coding them with evidence (issue 12).

Arrows run one way: this package may use the phrase parser (`mhcases.phrases`), the citation reader
(`mhcases.offences`) and the codebook; the sheet reader never imports it.
"""
