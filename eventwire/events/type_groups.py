"""Groups of PLOVER types that the event rules treat alike."""

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
# PLOVER codes a future CONSULT, SUPPORT, COOPERATE or AID as an AGREE (an intention stated).
FUTURE_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# Speech acts: what they are about is not coded again as an event of its own.
VERBAL = {"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
