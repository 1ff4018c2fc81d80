using System.Text;

namespace ActiveCitizen.App.Shared;

/// <summary>A row of an imported file that was refused: its line, and every reason.</summary>
public sealed record RejectedRow(int Line, IReadOnlyList<FieldError> Reasons);

/// <summary>
/// Reads CSV as spreadsheets write it (RFC 4180): comma or semicolon separated (whichever the header uses), fields in double quotes
/// may hold separators, quotes (doubled) and line breaks. Each record keeps the line it started on, for the import report. A quote
/// left open is a <see cref="FormatException"/> naming its line.
/// </summary>
public static class CsvFile
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    public static IReadOnlyList<Record> Parse(string text)
    {
        var records = new List<Record>();
        // A byte-order mark, as spreadsheets put at the start of UTF-8 exports, is not part of the first column's name.
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (quoted)
            {
                if (c == '"' && index + 1 < text.Length && text[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else if (c != '\r')
                {
                    // A line break inside quotes is part of the text; Windows' \r\n is kept as \n.
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    Add(records, recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (c == separator)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(c);
                    }
                    break;
            }
        }
        if (quoted)
        {
            // A quote opened and never closed would swallow every row after it: refuse the file, saying where.
            throw new FormatException($"Unclosed quote from line {recordLine}.") { Data = { ["Line"] = recordLine } };
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            Add(records, recordLine, fields);
        }
        return records;
    }

    private static void Add(List<Record> records, int line, List<string> fields)
    {
        // Blank lines (a trailing newline, a spacer row) are not records.
        if (fields.Any(value => value.Trim().Length > 0))
        {
            records.Add(new Record(line, fields));
        }
    }

    /// <summary>
    /// Reads an uploaded or pasted CSV text, or says why the whole of it is refused: larger than <paramref name="maxChars"/>, not
    /// UTF-8 (a spreadsheet's Windows-1251 export decodes to replacement characters and would be imported as garbage), or a quote
    /// left open. The reasons are field errors on <paramref name="field"/>.
    /// </summary>
    public static FieldError? TryRead(string text, int maxChars, string field, out IReadOnlyList<Record> records)
    {
        records = [];
        if (text.Length > maxChars)
        {
            return new(field, "Validation.CsvTooLarge", maxChars / 1024 / 1024);
        }
        if (text.Contains('\uFFFD'))
        {
            return new(field, "Validation.CsvEncoding");
        }
        try
        {
            records = Parse(text);
            return null;
        }
        catch (FormatException exception)
        {
            return new(field, "Validation.CsvUnclosedQuote", (int)exception.Data["Line"]!);
        }
    }
}
