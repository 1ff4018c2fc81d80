namespace ActiveCitizen.App.Features.Quizzes;

/// <summary>Which pictures a question may show: ones shipped with the app under /quiz/, or ones an admin uploaded.</summary>
public static class QuizImages
{
    private static readonly System.Buffers.SearchValues<char> SafeNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>A path this app serves pictures from: /quiz/name.svg|png|jpg|webp or the uploads folder, with a plain file name (no "..").</summary>
    public static bool IsKnownPath(string path)
    {
        var prefix = path.StartsWith("/quiz/", StringComparison.Ordinal) ? "/quiz/"
            : path.StartsWith(QuizAuthoringService.UploadedImagePrefix, StringComparison.Ordinal) ? QuizAuthoringService.UploadedImagePrefix
            : null;
        if (prefix is null)
        {
            return false;
        }
        var name = path[prefix.Length..];
        return name.Length is > 0 and <= 100 && !name.Contains("..") && !name.AsSpan().ContainsAnyExcept(SafeNameChars)
            && Path.GetExtension(name) is ".svg" or ".png" or ".jpg" or ".jpeg" or ".webp" or ".gif";
    }

    /// <summary>The file extension the bytes really are (by their signature), or null for anything that is not a picture we serve.</summary>
    public static string? ExtensionOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? ".png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ".jpg"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? ".webp"
        : bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? ".gif"
        : null;

    public static string ContentType(string extension) => extension switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "application/octet-stream",
    };
}
