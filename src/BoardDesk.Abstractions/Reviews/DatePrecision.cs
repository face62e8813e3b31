using System.Text.Json.Serialization;

namespace BoardDesk.Reviews;

/// <summary>How much of a date the source states; the rest of the stored date is the first day or month; written as its name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))]
[GenerateSerializer, Alias("BoardDesk.Reviews.DatePrecision")]
public enum DatePrecision
{
    /// <summary>The source gives the day.</summary>
    Day,

    /// <summary>The source gives the month; the stored date is its first day.</summary>
    Month,

    /// <summary>The source gives the year; the stored date is its first of January.</summary>
    Year,
}
