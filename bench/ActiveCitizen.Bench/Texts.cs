namespace ActiveCitizen.Bench;

/// <summary>Vocabulary for generated residents and ideas: the words real proposals use, in English and Russian.</summary>
internal static class Texts
{
    public static readonly string[] FirstNames = ["Anna", "Ivan", "Мария", "Дмитрий", "Sofia", "Алексей", "Olga", "Сергей", "Elena", "Павел", "Yulia", "Кирилл"];
    public static readonly string[] LastNames = ["Petrova", "Кузнецов", "Sokolova", "Попов", "Lebedev", "Новикова", "Morozov", "Волкова", "Fedorov", "Михайлова"];
    public static readonly string[] Districts = ["central", "northern", "north-eastern", "eastern", "south-eastern", "southern", "south-western", "western", "north-western", "zelenograd"];
    public static readonly string[] DecidedStates = ["Selected", "NotSelected", "NotFeasible", "Feasible", "Implemented", "Withdrawn", "Rejected"];

    public static readonly (string En, string Ru)[] Topics =
    [
        ("public transport", "общественный транспорт"), ("housing services", "услуги ЖКХ"), ("city parks", "городские парки"),
        ("libraries", "библиотеки"), ("schools", "школы"), ("clinics", "поликлиники"), ("courtyards", "дворы"), ("cycling", "велосипедные дорожки"),
    ];

    public static readonly (string En, string Ru)[] Categories =
    [
        ("Convenience", "Удобство"), ("Safety", "Безопасность"), ("Accessibility", "Доступность"), ("Information", "Информирование"), ("Ecology", "Экология"),
    ];

    public static readonly (string Slug, string En, string Ru)[] Tags =
    [
        ("mobile-app", "Mobile app", "Мобильное приложение"), ("accessibility", "Accessibility", "Доступность"), ("quick-win", "Quick win", "Быстрое решение"),
        ("needs-budget", "Needs budget", "Нужен бюджет"), ("children", "Children", "Дети"), ("elderly", "Older residents", "Старшее поколение"),
    ];

    private static readonly string[] ActionsEn = ["Install", "Repair", "Light", "Extend", "Renovate", "Add", "Replace", "Open", "Clean", "Plant"];
    private static readonly string[] ObjectsEn = ["benches", "street lamps", "a bike lane", "a playground", "ramps", "a bus shelter", "trees", "drinking fountains", "signs", "toilets"];
    private static readonly string[] PlacesEn = ["near the metro", "in the courtyard", "by the school", "along the river", "at the clinic", "in the square", "on the main street"];
    private static readonly string[] ActionsRu = ["Установить", "Отремонтировать", "Осветить", "Продлить", "Обновить", "Добавить", "Заменить", "Открыть", "Убрать", "Посадить"];
    private static readonly string[] ObjectsRu = ["скамейки", "фонари", "велодорожку", "детскую площадку", "пандусы", "остановку", "деревья", "питьевые фонтанчики", "указатели", "туалеты"];
    private static readonly string[] PlacesRu = ["у метро", "во дворе", "возле школы", "вдоль реки", "у поликлиники", "на площади", "на главной улице"];

    /// <summary>
    /// One idea's title and description. About a third mention the park, one in a thousand one of the rare words; three ideas in
    /// five are in Russian.
    /// </summary>
    public static (string Title, string Description) Idea(Random random, int index)
    {
        var russian = random.Next(5) < 3;
        var park = random.Next(3) == 0;
        var rare = index % 1000 == 7 ? CityScaleGenerator.RareWords[index / 1000 % CityScaleGenerator.RareWords.Length] : null;
        var action = random.Next(ActionsEn.Length);
        var thing = random.Next(ObjectsEn.Length);
        var place = random.Next(PlacesEn.Length);
        if (russian)
        {
            var where = park ? "в парке" : PlacesRu[place];
            return ($"{ActionsRu[action]} {ObjectsRu[thing]} {where}",
                $"Жители района каждый день пользуются этим местом. {ActionsRu[action]} {ObjectsRu[thing]} {where}: сейчас там неудобно и небезопасно, " +
                $"особенно вечером и для пожилых людей.{(park ? " Парк станет уютнее." : "")}{(rare is null ? "" : $" Летом здесь хорошо бы смотрелся {rare}.")} Предложение номер {index}.");
        }
        var location = park ? "in the park" : PlacesEn[place];
        return ($"{ActionsEn[action]} {ObjectsEn[thing]} {location}",
            $"Residents use this place every day. {ActionsEn[action]} {ObjectsEn[thing]} {location}: today it is inconvenient and unsafe, " +
            $"especially in the evening and for older people.{(park ? " The park would become a nicer place." : "")}{(rare is null ? "" : $" In summer a {rare} would be lovely here.")} Proposal number {index}.");
    }
}
