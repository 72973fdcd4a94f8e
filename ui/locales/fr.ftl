# Les écrans de DukaDesk en français. Le nom à gauche reste tel quel ;
# traduisez les mots à droite. { $name } est une valeur que l'app insère.

## La navigation à gauche
nav-till = Caisse
nav-catalogue = Catalogue
nav-settings = Réglages
nav-inbox = Messages
nav-test-chat = Chat d'essai
nav-customers = Clients
nav-reports = Rapports
nav-lock = Verrouiller
nav-lock-title = Verrouiller la caisse ; le personnel se reconnecte avec son code PIN

## La caisse
till-search = Chercher un n° de commande ou un téléphone  ( / )
till-search-label = Chercher des commandes
till-new-order = Nouvelle commande
till-undo = Annuler

## Réglages
settings-title = Réglages
settings-sections = Rubriques des réglages
settings-group-shop = Votre boutique
settings-group-connections = Connexions
settings-group-people = Personnes et confidentialité
settings-group-computer = Cet ordinateur
settings-section-shop = Boutique
settings-section-hours = Horaires d'ouverture
settings-section-delivery = Zones de livraison
settings-section-mpesa = M-Pesa
settings-section-whatsapp = WhatsApp
settings-section-sync = Synchroniser les caisses
settings-section-staff = Personnel
settings-section-privacy = Confidentialité
settings-section-computer = Imprimante, secrets, mises à jour

## Réglages → Cet ordinateur
appearance-title = Apparence
theme-dark-on = Thème sombre : activé
theme-dark-off = Thème sombre : désactivé
language-title = Langue
language-hint = La langue des écrans de cette caisse. Les clients sur WhatsApp reçoivent toujours les réponses dans leur propre langue.
language-saved = Les écrans sont maintenant en { $language }.

## L'écran verrouillé
lock-who = Qui est à la caisse ?
lock-choose-name = Choisissez votre nom pour vous connecter.
lock-type-pin = { $name }, tapez votre code PIN
lock-delete-digit = Effacer le dernier chiffre
lock-enter = Valider
lock-owner = Propriétaire
lock-owner-type = Propriétaire, tapez votre mot de passe
lock-owner-password = Mot de passe du propriétaire
lock-sign-in = Se connecter
lock-foot = L'écran se verrouille tout seul après quelques minutes sans utilisation.

## Le catalogue
catalogue-show-archived = Afficher les archivés
catalogue-new-item = Nouvel article
catalogue-empty-press = Aucun article pour l'instant. Appuyez sur
catalogue-empty-to-add = pour ajouter le premier.
catalogue-archived = Archivé
catalogue-low = Bas
catalogue-col-name = Nom
catalogue-col-category = Catégorie
catalogue-col-price = Prix
catalogue-col-stock = Stock
