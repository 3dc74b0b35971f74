#!/usr/bin/env python3
"""Builds common-passwords.txt: the words a guesser tries first, checked locally by the node (NIST SP 800-63B 3.1.1.2).

Sources, both reproducible offline:
  * SCOWL's American English list as Debian ships it (`apt-get install wamerican`, /usr/share/dict/american-english):
    every word of four letters or more, lower-cased. Licence: SCOWL-COPYRIGHT next to this file.
  * The bases below, written for this project: the words people put in a password at work (in the four languages of
    the node), keyboard rows of the QWERTY, AZERTY and QWERTZ layouts and every stretch of four or more of them.
The node refuses a password whose core (lower-cased, digits and symbols stripped from both ends, common letter
substitutions undone) is one of these lines.
"""
import pathlib
import re
import sys

DICTIONARY = pathlib.Path("/usr/share/dict/american-english")

BASES = """
password passwort wachtwoord motdepasse paswoord passe kennwort geheim secret secreto
welcome welkom bienvenue willkommen hello hallo bonjour salut
letmein iloveyou trustno changeme default admin administrator administrateur beheerder root master login
police politie polizei gendarmerie gendarme policier agent agente officer inspecteur inspector kommissar commissaris
commissaire brigadier recherche kripo zone dispatch controlroom meldkamer
schengen europol interpol benelux europe europa
monkey dragon football soccer voetbal fussball baseball superman batman sunshine princess shadow freedom
summer winter spring autumn zomer winter lente herfst sommer fruehling herbst ete hiver printemps automne
january february march april june july august september october november december
januari februari maart mei juni juli augustus oktober janvier fevrier mars avril juin juillet aout septembre octobre
novembre decembre januar februar maerz juni juli oktober dezember
monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag
brussel bruxelles brussels antwerpen anvers liege luik gent gand charleroi namur namen amsterdam rotterdam
denhaag utrecht eindhoven maastricht luxembourg luxemburg esch differdange aachen aken trier koeln cologne
""".split()

KEYBOARD_ROWS = [
    "`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./",  # QWERTY
    "azertyuiop", "qsdfghjklm", "wxcvbn",                           # AZERTY (Belgium, France)
    "qwertzuiop", "yxcvbnm",                                        # QWERTZ (Germany, Luxembourg)
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp", "zaqxswcdevfrbgtnhymjukilop",
    "abcdefghijklmnopqrstuvwxyz", "01234567890",
]


def walks():
    for row in KEYBOARD_ROWS:
        for text in (row, row[::-1]):
            for start in range(len(text)):
                for end in range(start + 4, len(text) + 1):
                    yield text[start:end]


def main():
    if not DICTIONARY.exists():
        sys.exit(f"{DICTIONARY} is missing: apt-get install wamerican")
    words = {line.strip().lower() for line in DICTIONARY.read_text(encoding="utf-8").splitlines()}
    words = {w for w in words if re.fullmatch(r"[a-z]{4,}", w)}
    words.update(b for b in BASES if len(b) >= 4)
    words.update(walks())
    out = pathlib.Path(__file__).with_name("common-passwords.txt")
    out.write_text("".join(w + "\n" for w in sorted(words)), encoding="utf-8")
    print(f"{len(words)} entries -> {out}")


if __name__ == "__main__":
    main()
