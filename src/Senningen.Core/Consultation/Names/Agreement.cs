namespace Senningen.Core.Consultation.Names;

/// <summary>How one field of a query agrees with a candidate's, from strongest to none: the explanation's words.</summary>
public enum Agreement
{
    /// <summary>The same after folding case, diacritics, punctuation and the place of particles.</summary>
    Exact = 1,

    /// <summary>Surnames with the same stem and different or missing particles ("van der Berg" and "Berg").</summary>
    Stem,

    /// <summary>One name of a compound or double surname, or another of several given names, agrees.</summary>
    Compound,

    /// <summary>Different spellings of the same sound (ij/y, ou/oe, ae/a, c/k, ph/f, dt/t, sch/s).</summary>
    Phonetic,

    /// <summary>Close spellings: a typo or a transposition.</summary>
    Typo,

    /// <summary>Given name and surname written the other way round ("Green David" for David Green).</summary>
    Swapped,

    /// <summary>An initial that agrees with the other side's given name ("J." and "Jan").</summary>
    Initial,

    /// <summary>Dates of birth with day and month swapped.</summary>
    DayMonthSwapped,

    /// <summary>Dates of birth one digit apart, or with two adjacent digits swapped.</summary>
    OneDigit,

    /// <summary>Only the year of birth agrees (or only a year was given).</summary>
    YearOnly,

    /// <summary>The query or the candidate has no value: no evidence either way.</summary>
    Missing,

    /// <summary>Both have a value and they do not agree.</summary>
    Disagree,
}

/// <summary>The fields a person is compared on.</summary>
public enum PersonField
{
    Surname = 1,
    GivenNames,
    BirthDate,
    Sex,
    Postcode,
    Municipality,
    Street,
    HouseNumber,
    OtherId,
}

/// <summary>One line of a match's explanation: how <see cref="Field"/> agreed and the weight (bits) that added to the score.</summary>
public readonly record struct FieldMatch(PersonField Field, Agreement Agreement, double Weight);
